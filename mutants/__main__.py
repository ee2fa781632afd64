from mutants.run import main

raise SystemExit(main())
