enum RenderBench {
    static func run() async {}
}
