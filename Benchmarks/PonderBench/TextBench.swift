enum TextBench {
    static func run() {}
}
