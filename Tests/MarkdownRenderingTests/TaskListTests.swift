import MarkdownRendering
import Testing

@Suite("Task lists")
struct TaskListTests {
    func html(_ markdown: String) -> String {
        MarkdownRenderer().render(markdown, file: "content/test.md") { _ in .unchanged }.html
    }

    @Test("a tight task list marks its items and itself, so the theme shows the box without a bullet")
    func tightList() {
        #expect(html("- [x] fertig\n- [ ] offen\n") == """
            <ul class="task-list">
            <li class="task-item"><span class="task task-done" aria-hidden="true">☑</span><span class="visually-hidden">Erledigt: </span> fertig</li>
            <li class="task-item"><span class="task" aria-hidden="true">☐</span><span class="visually-hidden">Offen: </span> offen</li>
            </ul>

            """)
    }

    @Test("a loose numbered task list marks its items too (their text is in paragraphs)")
    func looseList() {
        let page = html("1. [ ] erstens\n\n2. [x] zweitens\n\n   mehr\n")
        #expect(page.hasPrefix("<ol class=\"task-list\">\n<li class=\"task-item\"><span class=\"task\" aria-hidden=\"true\">☐</span>"))
        #expect(page.components(separatedBy: "<li class=\"task-item\">").count == 3)
        #expect(page.contains("<p>zweitens</p>\n<p>mehr</p>"))
    }

    @Test("in a mixed list only the task items are marked; the list is a task list when its first item is one")
    func mixedList() {
        let plainFirst = html("- Punkt\n- [ ] Aufgabe\n")
        #expect(plainFirst.hasPrefix("<ul>\n<li>Punkt</li>\n<li class=\"task-item\">"))
        let taskFirst = html("- [ ] Aufgabe\n- Punkt\n")
        #expect(taskFirst.hasPrefix("<ul class=\"task-list\">\n<li class=\"task-item\">"))
        #expect(taskFirst.contains("<li>Punkt</li>"))
    }

    @Test("text that looks like a task box is escaped and left alone")
    func forgedMarkup() {
        let page = html("`<li><input type=\"checkbox\" disabled=\"\" />`\n\n- Punkt\n")
        #expect(!page.contains("task"))
        #expect(page.contains("&lt;li&gt;&lt;input type=&quot;checkbox&quot;"))
    }
}
