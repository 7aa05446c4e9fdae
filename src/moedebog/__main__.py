from moedebog.cli import main

raise SystemExit(main())
