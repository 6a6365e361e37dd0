import KaiquCLI
