import PrecisClient
import PrecisWire

extension JSONLBatch {
    /// The batch's bookkeeping, in one place: line numbering, answers waiting for an earlier
    /// line, what is in flight, and the summary.
    struct BatchState {
        let configuration: Configuration
        var summary = Summary()
        var inFlight = 0
        var nextSequence = 0
        var nextToWrite = 0
        /// Answers that are ready while an earlier line's is not.
        var waiting: [Int: String] = [:]
        var readFailure: (any Error)?

        init(configuration: Configuration) {
            self.configuration = configuration
        }

        var buffered: Int { waiting.count }

        /// The work for one input line; nil for a blank line, which is skipped.
        mutating func item(
            for line: LineSplitter.Line,
            number: Int,
            makeOperation: (JSONLRecord) -> Result<Request.Operation, CLIFailure>
        ) -> Item? {
            let work: Item.Work
            var id = "null"
            switch line {
            case .tooLong(let byteCount):
                work = .answer(PrecisError(
                    code: .invalidArgument,
                    message: "line \(number) is \(byteCount) bytes, over the limit of \(configuration.maxLineBytes)"
                ))
            case .bytes(let bytes):
                if LineSplitter.isBlank(bytes) { return nil }
                switch JSONLRecord.read(bytes, number: number) {
                case .failure(let problem):
                    id = problem.id
                    work = .answer(PrecisError(code: .invalidArgument, message: problem.message))
                case .success(let record):
                    id = record.id
                    switch makeOperation(record) {
                    case .success(let operation): work = .request(operation)
                    case .failure(let failure): work = .answer(PrecisError(code: .invalidArgument, message: "line \(number): \(failure.message)"))
                    }
                }
            }
            defer { nextSequence += 1 }
            summary.lines += 1
            return Item(sequence: nextSequence, id: id, work: work)
        }

        /// Records a finished line and writes every answer that is now next in order.
        mutating func complete(_ completion: Completion, wasInFlight: Bool, render: Render, output: some LineSink) {
            if wasInFlight { inFlight -= 1 }
            summary.answered += 1
            if completion.attempts > 1 { summary.retried += 1 }
            let line: String
            switch completion.result {
            case .success(let response):
                let members = render(response)
                line = members.isEmpty ? "{\"id\":\(completion.id)}" : "{\"id\":\(completion.id),\(members)}"
            case .failure(let error):
                summary.failed += 1
                summary.failures[error.code.protoName ?? "status \(error.code.rawValue)", default: 0] += 1
                summary.origins[error.origin, default: 0] += 1
                line = Self.errorLine(id: completion.id, error)
            }
            guard completion.sequence == nextToWrite else {
                waiting[completion.sequence] = line
                return
            }
            output.write(line)
            nextToWrite += 1
            while let ready = waiting.removeValue(forKey: nextToWrite) {
                output.write(ready)
                nextToWrite += 1
            }
        }

        static func errorLine(id: String, _ error: PrecisError) -> String {
            var writer = JSONWriter()
            writer.beginObject()
            writer.key("code")
            writer.enumValue(error.code.protoName, error.code.rawValue)
            writer.key("message")
            writer.value(error.message)
            writer.endObject()
            return "{\"id\":\(id),\"error\":\(writer.output)}"
        }
    }
}
