import Commands

// The arguments are read before anything else runs: without /proc they come from the initial stack.
VCC.runAndExit(arguments: ProcessArguments.current())
