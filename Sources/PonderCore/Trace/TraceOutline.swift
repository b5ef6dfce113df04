/// A reasoning trace split into steps, with its reflection points, built as the trace streams.
///
/// Steps are the trace's paragraph blocks (a blank line outside a code fence ends one). A
/// paragraph is cut at a sentence end once its current step holds `splitUnits` (about 150
/// tokens), and before a sentence that opens with a marker once the step holds `markerSplitUnits`
/// (about 40 tokens), so a long paragraph of second thoughts reads as several steps. Sentence ends
/// are `.` `!` `?` `…` followed by a space, and `。` `！` `？` `．` `｡` (no space needed), each with
/// closing quotes or brackets after it; a line break also ends a sentence. Nothing is cut or
/// tagged inside fenced or indented code, lists, tables, block quotes, inline code, quotes
/// (`"…"`, `“…”`, `「…」`, `『…』`) or formulas (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`).
///
/// A sentence that opens with a phrase of `markers` is a reflection point; the opening sentence of
/// the trace never is. A step's kind is the kind of its first point.
///
/// Appending costs time in proportion to the appended bytes: each byte is looked at once, and a
/// decision that needs to see further (a marker, a list bullet, a code fence) waits for at most
/// a few dozen bytes, or the end of the line. Decisions depend on the text alone, so the outline
/// is the same however the text was cut into deltas, and a marker cut across two deltas is found.
///
/// Offsets and lengths count UTF-8 bytes of the trace, as `StreamingMarkdown` does.
public struct TraceOutline: Sendable {
    /// Tenths of a token (see `TokenEstimate`) after which a paragraph is cut at the next sentence end.
    public static let splitUnits = 1_500
    /// Tenths of a token a step must hold before a marked sentence starts a step of its own.
    public static let markerSplitUnits = 400

    public let markers: TraceMarkers
    var bytes: [UInt8] = []
    var scan = TraceScanState()
    var closedSteps: [StepRecord] = []
    var openStep: StepRecord?
    var pointList: [ReflectionPoint] = []
    /// The point whose sentence is still being read.
    var openPoint: Int?
    var kindCounts = [Int](repeating: 0, count: ReflectionKind.allCases.count)

    /// Whether `finish()` was called (nothing is held back any more).
    public private(set) var isFinished = false
    /// Changes whenever the outline does (for caches keyed by it).
    public private(set) var version = 0

    /// A step as stored: its byte range, token units at both ends and its points.
    struct StepRecord: Sendable {
        var offset: Int
        var end: Int
        var startUnits: Int
        var endUnits: Int
        var firstPoint: Int
        var pointEnd: Int
    }

    public init(markers: TraceMarkers = .builtIn) {
        self.markers = markers
    }

    /// The outline of a whole text (a message loaded from the store), finished unless told.
    public init(text: String, markers: TraceMarkers = .builtIn, finished: Bool = true) {
        self.init(markers: markers)
        append(text)
        if finished { finish() }
    }

    /// Appends a streamed delta.
    public mutating func append(_ delta: String) {
        append(utf8: delta.utf8)
    }

    /// Appends raw UTF-8 bytes; a character cut across two calls is read once both have arrived.
    public mutating func append(utf8 delta: some Collection<UInt8>) {
        guard !delta.isEmpty else { return }
        bytes.append(contentsOf: delta)
        isFinished = false
        advance()
        version += 1
    }

    /// Marks the end of the trace: the last decisions are taken and the last step is closed.
    public mutating func finish() {
        guard !isFinished else { return }
        isFinished = true
        advance()
        closeOpenPoint(at: scan.contentEnd)
        closeStep()
        version += 1
    }

    /// The trace as it has arrived.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// UTF-8 bytes that have arrived.
    public var byteCount: Int { bytes.count }

    /// Estimated tokens of the whole trace.
    public var estimatedTokens: Int {
        TokenEstimate.tokens(units: TokenEstimate.units(of: bytes[scan.position...]) + scan.units)
    }

    /// Steps so far, the one still being read included.
    public var stepCount: Int { closedSteps.count + (openStep == nil ? 0 : 1) }

    /// Reflection points so far.
    public var pointCount: Int { pointList.count }

    /// The step at `index` (0 ..< stepCount).
    public func step(at index: Int) -> TraceStep {
        let isOpen = index == closedSteps.count
        let record = isOpen ? openStep! : closedSteps[index]
        let end = isOpen ? max(record.offset, arrived.end) : record.end
        let endUnits = isOpen ? max(record.startUnits, arrived.units) : record.endUnits
        let points = record.firstPoint..<(isOpen ? pointList.count : record.pointEnd)
        let first = points.isEmpty ? nil : pointList[points.lowerBound]
        return TraceStep(
            index: index, offset: record.offset, length: end - record.offset, kind: first?.kind, marker: first?.marker,
            estimatedTokens: TokenEstimate.tokens(units: endUnits - record.startUnits), points: points, isOpen: isOpen)
    }

    /// The reflection point at `index` (0 ..< pointCount).
    public func point(at index: Int) -> ReflectionPoint {
        var point = pointList[index]
        if index == openPoint {
            let end = scan.awaiting == .afterSpaced || scan.awaiting == .afterClosing ? scan.sentenceEnd : arrived.end
            point.length = max(0, end - point.offset)
        }
        return point
    }

    /// The end of the last non-blank byte that has arrived, read or not (a decision may be
    /// waiting for a few more bytes), and the token units up to it: where the open step and
    /// point end for now.
    var arrived: (end: Int, units: Int) {
        var end = bytes.count
        while end > scan.position && [0x20, 0x09, 0x0A, 0x0D].contains(bytes[end - 1]) { end -= 1 }
        guard end > scan.position else { return (scan.contentEnd, scan.contentEndUnits) }
        return (end, scan.units + TokenEstimate.units(of: bytes[scan.position..<end]))
    }

    /// Every step, in order (an array built on each call: a frame asks `step(at:)` for the steps
    /// it shows).
    public var steps: [TraceStep] { (0..<stepCount).map(step(at:)) }

    /// Every reflection point, in order (built on each call, like `steps`).
    public var points: [ReflectionPoint] { (0..<pointCount).map(point(at:)) }

    /// How many reflection points of `kind` there are.
    public func pointCount(of kind: ReflectionKind) -> Int {
        kindCounts[ReflectionKind.allCases.firstIndex(of: kind)!]
    }
}
