import Glibc

/// The command line vcc was started with, also where `/proc` is not mounted.
///
/// On Linux, Swift's `CommandLine.arguments` reads `/proc/self/cmdline`; in a chroot or container
/// without `/proc` it is empty, and vcc used to print its help and exit 0, so a CI job "passed"
/// without building. There the arguments are read where the kernel put them (System V ABI): the
/// pointer array `argc, argv[0…argc-1], NULL` lies directly below the first environment pointer,
/// which `environ` still points to before anything changes the environment. They are handed to
/// the standard library, so `CommandLine.arguments` (which finds the theme beside the binary
/// through `argv[0]`) has them too.
public enum ProcessArguments {
    /// The arguments, program name first. Call first thing in `main.swift`: it must run before
    /// anything reads `CommandLine.arguments` (the standard library keeps the first answer).
    public static func current() -> [String] {
        if access("/proc/self/cmdline", R_OK) != 0, let (argv, argc) = initialStackArguments() {
            overrideUnsafeArgvArgc(argv, argc)
        }
        return CommandLine.arguments
    }

    /// argv and argc as laid out below `environ` at start, or nil when the words there do not have that shape.
    static func initialStackArguments() -> (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, Int32)? {
        let environment: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        guard let environment else { return nil }
        let words = UnsafeRawPointer(environment)
        let wordSize = MemoryLayout<UInt>.size
        // envp[-1] is argv's terminating NULL; a relocated environment (after setenv) has a heap header there.
        guard words.load(fromByteOffset: -wordSize, as: UInt.self) == 0 else { return nil }
        let arraysEnd = UInt(bitPattern: Int(bitPattern: words))
        // Walk down: each word is an argv pointer (into the strings, which lie above the arrays)
        // until the one that equals the number of pointers passed, which is argc.
        for count in 0..<65_536 {
            let word = words.load(fromByteOffset: -wordSize * (count + 2), as: UInt.self)
            if word == UInt(count) { return (environment - (count + 1), Int32(count)) }
            guard word > arraysEnd else { return nil }
        }
        return nil
    }
}

/// The standard library's hook for setting what `CommandLine` reports (as the REPL does).
@_silgen_name("_swift_stdlib_overrideUnsafeArgvArgc")
private func overrideUnsafeArgvArgc(_ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, _ argc: Int32)
