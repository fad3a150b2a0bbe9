/// A coarse class of a Unicode scalar for tokenizing.
enum ScalarClass: UInt8, Sendable {
    case space, format, control, letter, ideograph, digit, mark, punctuation, symbol, emoji, other

    /// Whitespace and invisible format characters, skipped between tokens and trimmed from spans.
    var isIgnorable: Bool { self == .space || self == .format }

    /// Letters, digits and marks: the scalars that make up words.
    var isWordPart: Bool { self == .letter || self == .digit || self == .mark }

    /// The class of an ASCII byte; bytes of multi-byte scalars are `.other`. A plain switch, not a
    /// table in a `static let`: this runs for every byte and a lazy global costs a check per call.
    @inline(__always)
    static func ascii(_ byte: UInt8) -> ScalarClass {
        switch byte {
        case 0x61...0x7A, 0x41...0x5A: .letter
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: .space
        case 0x30...0x39: .digit
        case 0x21, 0x22, 0x27, 0x28, 0x29, 0x2C, 0x2D, 0x2E, 0x2F, 0x3A, 0x3B, 0x3F, 0x5B, 0x5D, 0x5F, 0x7B, 0x7D:
            .punctuation
        case 0x00..<0x20, 0x7F: .control
        case 0x80...: .other
        default: .symbol
        }
    }

    /// Classifies a scalar: ASCII by a switch, the rest of the Basic Multilingual Plane from ``bmp``.
    static func of(_ scalar: Unicode.Scalar) -> ScalarClass {
        let value = scalar.value
        if value < 0x80 { return ascii(UInt8(value)) }
        if value < 0x10000 { return bmp[Int(value)] }
        return classified(scalar)
    }

    /// The class of every scalar below U+10000, worked out once (about a millisecond): Unicode property
    /// lookups cost far more than a table read, and text in Cyrillic, Greek, Arabic or with curly quotes and
    /// dashes would otherwise look them up for every character.
    private static let bmp: [ScalarClass] = (0..<0x10000).map { value in
        Unicode.Scalar(UInt32(value)).map(classified) ?? .other  // surrogates are never scalars
    }

    /// Classifies a scalar from its Unicode properties, with fast paths for common scripts.
    private static func classified(_ scalar: Unicode.Scalar) -> ScalarClass {
        let value = scalar.value
        if value < 0x80 { return ascii(UInt8(value)) }
        if value >= 0xC0 && value <= 0x24F && value != 0xD7 && value != 0xF7 { return .letter }
        if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
            || (0x3041...0x3096).contains(value) || (0x30A1...0x30FA).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0x20000...0x3FFFF).contains(value)
        {
            return .ideograph
        }
        if (0xAC00...0xD7A3).contains(value) { return .letter }
        let properties = scalar.properties
        if properties.isWhitespace { return .space }
        if properties.isEmojiPresentation || properties.isEmojiModifier || (0x1F1E6...0x1F1FF).contains(value) {
            return .emoji
        }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .letterNumber,
            .otherNumber:
            return .letter
        case .decimalNumber: return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return .punctuation
        case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: return .symbol
        case .format: return .format
        case .control: return .control
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return .space
        default: return .other
        }
    }
}
