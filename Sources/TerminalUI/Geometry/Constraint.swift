/// How much of an axis one part of a split takes.
///
/// Fixed sizes are taken first, then ratios of the whole, and whatever remains is shared
/// by the `fill` parts in proportion to their weights.
public struct Constraint: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case fixed(Int)
        case ratio(Int, Int)
        case fill(Int)
    }

    let kind: Kind

    /// Exactly `cells` (or less when the area is too small).
    public static func fixed(_ cells: Int) -> Constraint { Constraint(kind: .fixed(max(0, cells))) }

    /// `numerator / denominator` of the whole axis, rounded down.
    public static func ratio(_ numerator: Int, _ denominator: Int) -> Constraint {
        Constraint(kind: .ratio(max(0, numerator), max(1, denominator)))
    }

    public static func percent(_ value: Int) -> Constraint { ratio(value, 100) }

    /// A share of what the other parts leave; the last fill also absorbs rounding leftovers.
    public static func fill(_ weight: Int = 1) -> Constraint { Constraint(kind: .fill(max(1, weight))) }
}
