enum StreamingBench {
    static func run() async {}
}
