/// Which way a split cuts a rect.
public struct SplitDirection: Hashable, Sendable {
    enum Kind: Hashable, Sendable { case horizontal, vertical }
    let kind: Kind

    /// Parts laid out left to right (columns side by side).
    public static let horizontal = SplitDirection(kind: .horizontal)
    /// Parts stacked top to bottom (rows).
    public static let vertical = SplitDirection(kind: .vertical)
}

extension Rect {
    /// Splits this rect into one part per constraint, separated by `spacing` cells.
    /// Parts never overlap and never leave the rect; when space runs out the later
    /// parts become empty rather than negative.
    public func split(_ direction: SplitDirection, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        guard !constraints.isEmpty else { return [] }
        let extent = direction == .horizontal ? width : height
        let gaps = max(0, spacing) * (constraints.count - 1)
        let total = max(0, extent - gaps)
        let sizes = Rect.distribute(total, constraints)

        var result: [Rect] = []
        var offset = 0
        for (index, size) in sizes.enumerated() {
            let start = min(offset, extent)
            let length = max(0, min(size, extent - start))
            switch direction.kind {
            case .horizontal: result.append(Rect(x: x + start, y: y, width: length, height: height))
            case .vertical: result.append(Rect(x: x, y: y + start, width: width, height: length))
            }
            offset += size + (index < sizes.count - 1 ? max(0, spacing) : 0)
        }
        return result
    }

    static func distribute(_ total: Int, _ constraints: [Constraint]) -> [Int] {
        var sizes = Array(repeating: 0, count: constraints.count)
        var remaining = total
        // Fixed first, then ratios, so a 1-row header survives any ratio arithmetic.
        for (index, constraint) in constraints.enumerated() {
            if case .fixed(let cells) = constraint.kind {
                sizes[index] = min(cells, remaining)
                remaining -= sizes[index]
            }
        }
        for (index, constraint) in constraints.enumerated() {
            if case .ratio(let numerator, let denominator) = constraint.kind {
                sizes[index] = min(total * numerator / denominator, remaining)
                remaining -= sizes[index]
            }
        }
        let fills = constraints.enumerated().compactMap { index, constraint -> (Int, Int)? in
            if case .fill(let weight) = constraint.kind { return (index, weight) }
            return nil
        }
        let totalWeight = fills.reduce(0) { $0 + $1.1 }
        var shared = 0
        for (position, (index, weight)) in fills.enumerated() {
            let share = position == fills.count - 1 ? remaining - shared : remaining * weight / totalWeight
            sizes[index] = share
            shared += share
        }
        return sizes
    }

    /// A rect of at most `width` x `height` centred in this one (used for popups).
    public func centered(width: Int, height: Int) -> Rect {
        let w = min(max(0, width), self.width)
        let h = min(max(0, height), self.height)
        return Rect(x: x + (self.width - w) / 2, y: y + (self.height - h) / 2, width: w, height: h)
    }
}
