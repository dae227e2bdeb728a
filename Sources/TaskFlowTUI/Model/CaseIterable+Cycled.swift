extension CaseIterable where Self: Equatable, AllCases.Index == Int {
    /// The case `step` places after this one, wrapping around: Tab and Shift-Tab order
    /// for panes and form fields.
    func cycled(by step: Int) -> Self {
        let all = Self.allCases
        let index = all.firstIndex(of: self)!
        return all[((index + step) % all.count + all.count) % all.count]
    }
}
