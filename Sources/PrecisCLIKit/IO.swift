/// Where `--jsonl` input comes from: chunks of bytes, nil at the end.
public protocol ChunkSource {
    func nextChunk() async throws -> [UInt8]?
}

/// Where output lines go. `flushIfIdle` is called before the batch waits for answers.
public protocol LineSink {
    func write(_ line: String)
    func flushIfIdle()
    func flush()
}
