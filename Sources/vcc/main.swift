import Commands

VCC.runAndExit()
