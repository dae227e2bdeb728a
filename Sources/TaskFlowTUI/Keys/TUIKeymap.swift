import TerminalUI

/// The default key bindings, per pane. Global bindings apply in every pane that does not
/// bind the key itself; the help overlay and the footer hints are generated from here.
public enum TUIKeymap {
    public static let standard: Keymap<TUICommand> = {
        var map = Keymap<TUICommand>()
        let c = TUICommand.self
        map.bind([.char("j"), .down], to: c.moveDown, in: .list)
        map.bind([.char("k"), .up], to: c.moveUp, in: .list)
        map.bind([.pageDown, .ctrl("f")], to: c.pageDown, in: .list)
        map.bind([.pageUp, .ctrl("b")], to: c.pageUp, in: .list)
        map.bind([.char("g"), .home], to: c.first, in: .list)
        map.bind([.char("G"), .end], to: c.last, in: .list)
        map.bind([.enter, .char("l")], to: c.openDetail, in: .list)
        map.bind(.char("x"), to: c.markDone, in: .list)
        map.bind(.char("s"), to: c.cycleStatus, in: .list)
        map.bind(.char("p"), to: c.cyclePriority, in: .list)
        map.bind(.char("S"), to: c.cycleStatusBack, in: .list)
        map.bind(.char("P"), to: c.cyclePriorityBack, in: .list)
        map.bind(.char("a"), to: c.add, in: .list)
        map.bind(.char("e"), to: c.edit, in: .list)
        map.bind(.char("E"), to: c.editDescription, in: .list)
        map.bind(.char("d"), to: c.delete, in: .list)
        map.bind(.char(" "), to: c.toggleMark, in: .list)
        map.bind(.char("y"), to: c.yank, in: .list)
        map.bind(.char("y"), to: c.yank, in: .detail)
        map.bind(.char("v"), to: c.markRange, in: .list)
        map.bind(.char("*"), to: c.markAll, in: .list)
        map.bind(.escape, to: c.clearMarks, in: .list)

        map.bind([.char("j"), .down], to: c.scrollDown, in: .detail)
        map.bind([.char("k"), .up], to: c.scrollUp, in: .detail)
        map.bind([.escape, .char("h")], to: c.back, in: .detail)
        map.bind(.char("x"), to: c.markDone, in: .detail)
        map.bind(.char("s"), to: c.cycleStatus, in: .detail)
        map.bind(.char("p"), to: c.cyclePriority, in: .detail)
        map.bind(.char("S"), to: c.cycleStatusBack, in: .detail)
        map.bind(.char("P"), to: c.cyclePriorityBack, in: .detail)
        map.bind(.char("a"), to: c.add, in: .detail)
        map.bind(.char("e"), to: c.edit, in: .detail)
        map.bind(.char("E"), to: c.editDescription, in: .detail)
        map.bind(.char("d"), to: c.delete, in: .detail)

        map.bind([.escape], to: c.back, in: .stats)
        map.bind([.char("j"), .down], to: c.moveDown, in: .stats)
        map.bind([.char("k"), .up], to: c.moveUp, in: .stats)
        map.bind(.enter, to: c.filterByStat, in: .stats)

        map.bind([.tab], to: c.nextPane)
        map.bind([.backTab], to: c.previousPane)
        map.bind(.char("r"), to: c.refresh)
        map.bind(.char("u"), to: c.undo)
        map.bind(.char("#"), to: c.jumpToID)
        map.bind(.ctrl("r"), to: c.redo)
        map.bind(.char("?"), to: c.toggleHelp)
        map.bind(.char("M"), to: c.messageLog)
        map.bind(.char(":"), to: c.palette)
        map.bind([.char("q"), .ctrl("c")], to: c.quit)
        map.bind(.char("/"), to: c.search)
        map.bind(.char("f"), to: c.filter)
        map.bind(.char("F"), to: c.clearFilters)
        map.bind(.char("o"), to: c.sort)
        for digit in 1...9 {
            if let command = c.view(digit) { map.bind(.char(Character(String(digit))), to: command) }
        }
        map.bind(.char("V"), to: c.saveView)
        map.bind(.char("!"), to: c.quickHigh)
        map.bind(.char("O"), to: c.quickOverdue)
        map.bind(.char("C"), to: c.resolveConflict)

        map.bind([.char("j"), .down], to: c.moveDown, in: .conflict)
        map.bind([.char("k"), .up], to: c.moveUp, in: .conflict)
        map.bind([.left, .char("m"), .char("h")], to: c.keepMine, in: .conflict)
        map.bind([.right, .char("t"), .char("l")], to: c.keepTheirs, in: .conflict)
        map.bind(.char("M"), to: c.keepAllMine, in: .conflict)
        map.bind(.char("T"), to: c.keepAllTheirs, in: .conflict)
        map.bind(.enter, to: c.applyResolution, in: .conflict)
        map.bind([.escape, .char("q")], to: c.leaveConflict, in: .conflict)

        map.bind(.enter, to: c.acceptLine, in: .line)
        map.bind([.escape, .ctrl("c")], to: c.cancelLine, in: .line)
        map.bind(.tab, to: c.completeLine, in: .line)

        map.bind([.char("j"), .down], to: c.sortDown, in: .sort)
        map.bind([.char("k"), .up], to: c.sortUp, in: .sort)
        map.bind([.char(" "), .char("-")], to: c.flipSort, in: .sort)
        map.bind(.enter, to: c.applySort, in: .sort)
        map.bind([.escape, .char("q"), .char("o")], to: c.cancelSort, in: .sort)

        map.bind([.char("?"), .escape, .char("q")], to: c.closeHelp, in: .help)
        map.bind([.char("j"), .down], to: c.scrollDown, in: .help)
        map.bind([.char("k"), .up], to: c.scrollUp, in: .help)
        map.bind([.pageDown, .ctrl("f"), .char(" ")], to: c.pageDown, in: .help)
        map.bind([.pageUp, .ctrl("b")], to: c.pageUp, in: .help)
        map.bind([.char("g"), .home], to: c.first, in: .help)
        map.bind([.char("G"), .end], to: c.last, in: .help)

        map.bind([.tab, .down], to: c.nextField, in: .login)
        map.bind([.backTab, .up], to: c.previousField, in: .login)
        map.bind(.enter, to: c.submit, in: .login)
        map.bind([.escape, .ctrl("c")], to: c.cancel, in: .login)

        map.bind(.enter, to: c.saveForm, in: .form)
        map.bind([.tab, .down], to: c.nextField, in: .form)
        map.bind([.backTab, .up], to: c.previousField, in: .form)
        map.bind(.escape, to: c.cancelForm, in: .form)
        map.bind(.ctrl("o"), to: c.formEditor, in: .form)
        map.bind([.right, .char(" ")], to: c.nextValue, in: .form)
        map.bind(.left, to: c.previousValue, in: .form)

        map.bind(.char("y"), to: c.confirm, in: .confirm)
        map.bind([.char("n"), .escape, .char("q")], to: c.refuse, in: .confirm)
        return map
    }()

    /// The context a pane's keys are looked up in.
    public static func context(for pane: Pane) -> KeyContext {
        switch pane {
        case .list: .list
        case .detail: .detail
        case .stats: .stats
        }
    }
}
