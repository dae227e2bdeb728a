import Foundation

/// A bound of `dueBefore`/`dueAfter`: a bare day covers that whole UTC day, a timestamp is exact.
public enum DueBound: Sendable, Hashable, CustomStringConvertible {
    /// The start of a UTC day.
    case day(Date)
    case instant(Date)

    public init?(_ text: String) {
        if let start = Timestamp.parseDay(text) {
            self = .day(start)
        } else if let instant = Timestamp.parse(text) {
            self = .instant(instant)
        } else {
            return nil
        }
    }

    /// Inclusive upper limit when used as `dueBefore`.
    public var upperLimit: Date {
        switch self {
        case .day(let start): DueDate.endOfDay(start)
        case .instant(let date): date
        }
    }

    /// Inclusive lower limit when used as `dueAfter`.
    public var lowerLimit: Date {
        switch self {
        case .day(let start): start
        case .instant(let date): date
        }
    }

    public var description: String {
        switch self {
        case .day(let start): Timestamp.day(start)
        case .instant(let date): Timestamp.format(date)
        }
    }
}
