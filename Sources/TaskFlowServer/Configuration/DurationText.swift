import Foundation

/// Lifetimes written the way the production design's environment writes them:
/// `900` (seconds), `30s`, `15m`, `12h`, `7d`.
enum DurationText {
    static func seconds(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let last = trimmed.last else { return nil }
        let unit: Int
        var number = Substring(trimmed)
        switch last {
        case "s": unit = 1
        case "m": unit = 60
        case "h": unit = 3600
        case "d": unit = 86_400
        case "0"..."9": unit = 1
        default: return nil
        }
        if !last.isNumber { number = number.dropLast() }
        guard let value = Int(number), value > 0, value <= Int(Int32.max) / unit else { return nil }
        return value * unit
    }
}

