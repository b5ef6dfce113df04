/// One step of a trace: a paragraph block, or a piece of a long paragraph cut at a sentence end.
public struct TraceStep: Equatable, Hashable, Sendable {
    /// Position in the outline, from 0.
    public var index: Int
    /// UTF-8 offset of its first character in the trace.
    public var offset: Int
    /// UTF-8 length up to the end of its last non-blank character.
    public var length: Int
    /// The kind of its first reflection point, if it has one.
    public var kind: ReflectionKind?
    /// The phrase that marked that point, as written in the marker list.
    public var marker: String?
    /// Its size in tokens, estimated from the text (see `TokenEstimate`).
    public var estimatedTokens: Int
    /// Indices of the reflection points inside it (into `TraceOutline.points`).
    public var points: Range<Int>
    /// Whether text is still arriving for it (the last step of a streaming trace).
    public var isOpen: Bool

    /// UTF-8 offset just past its last character.
    public var end: Int { offset + length }
}

/// A sentence of a trace that opens with a marker phrase.
public struct ReflectionPoint: Equatable, Hashable, Sendable {
    public var kind: ReflectionKind
    /// The phrase that matched, as written in the marker list.
    public var marker: String
    /// UTF-8 offset of the sentence in the trace.
    public var offset: Int
    /// UTF-8 length of the sentence (up to its end, its line's end or its step's end).
    public var length: Int
    /// Index of the step holding it.
    public var step: Int

    public var end: Int { offset + length }
}
