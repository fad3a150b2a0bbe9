@testable import PrecisEngine
import Testing

@Suite("HTML tag compaction")
struct HTMLTagCompactorTests {
    /// Runs the compactor on the tag at the start of `input`; returns what libxml2 would read from the new start,
    /// or nil when the tag was left alone (and then checks that nothing changed).
    func compacted(_ input: String) -> String? {
        var bytes = Array(input.utf8)
        var compactor = HTMLTagCompactor()
        let original = bytes
        return bytes.withUnsafeMutableBufferPointer { buffer -> String? in
            let base = buffer.baseAddress!
            guard let moved = compactor.compact(base, end: base + buffer.count) else {
                #expect(Array(buffer) == original)
                return nil
            }
            return String(decoding: UnsafeBufferPointer(start: moved, count: base + buffer.count - moved), as: UTF8.self)
        }
    }

    @Test func unreadAttributesAreRemovedAndTheRestIsKeptByteForByte() {
        #expect(compacted(#"<img src="a.jpg" class="x" data-y='1>2'>after"#) == #"<img class="x">after"#)
        #expect(compacted("<br data-a=1 />text") == "<br />text")
        #expect(compacted("<P DATA-X = \"z\" CLASS = 'b' >x") == "<P CLASS = 'b' >x")
        #expect(compacted(#"<a data-track="a > b" href="/x" target=_blank rel=author>"#) == #"<a href="/x" rel=author>"#)
        #expect(compacted("<div\n\tid=main\n\tdata-v>") == "<div\n\tid=main>")
        #expect(compacted("<meta name=\"author\" content=\"Ann\" data-x>") == "<meta name=\"author\" content=\"Ann\">")
    }

    @Test func tagsItCannotReadExactlyAsLibxml2DoesAreLeftAlone() {
        #expect(compacted(#"<div class="a" id="b">"#) == nil)  // nothing to drop
        #expect(compacted(#"<a data-x="1"class="y">"#) == nil)  // a kept attribute with no blank before it
        #expect(compacted(#"<img src="never closed>"#) == nil)
        #expect(compacted("<img src=x") == nil)  // the tag does not end
        #expect(compacted("<img src= >") == nil)  // `=` without a value
        #expect(compacted(#"<img "quoted" src=x>"#) == nil)  // an attribute name libxml2 rejects
        #expect(compacted("<img src=x / >") == nil)  // a `/` that does not close the tag
        #expect(compacted("< img src=x>") == nil)
        #expect(compacted("<!-- src=x -->") == nil)
        #expect(compacted("</div data-x=1>") == nil)
    }

    @Test func thePageParsesToTheSameTreeAsWithoutTheUnreadAttributes() throws {
        let paragraph = "The tide tables for the summer were printed late this year, so the harbour office put "
            + "them on its board by hand, a page a week, until the new booklets arrived."
        let page = """
            <html lang="en"><head><title data-t="x">Tides</title><meta data-k=1 property="og:title" content="Tides"></head>
            <body data-page="1"><div class="wrap" data-a="<p>x</p>" style="color: red"><article data-b='y' itemprop="articleBody">
            <h1 data-c>Tides</h1><p data-d="1" class="lead">\(paragraph)</p>
            <p data-e="&amp;x"><a data-f="1" href="/tides" onclick="go()">board</a> and <b data-g=2>booklets</b></p>
            <div data-h="1" hidden>hidden text</div><img src="x.png" srcset="x.png 1x"><br data-i=1/>
            </article></div></body></html>
            """
        let plain = page.replacing(#/\s(data-[a-z]+|srcset|src|onclick)(=("[^"]*"|'[^']*'|[^ >\/]+))?/#, with: "")
        #expect(!plain.contains("data-"))
        let tree = try HTMLTree(html: page, maxDepth: 256)
        let expected = try HTMLTree(html: plain, maxDepth: 256)
        #expect(tree.nodes.count == expected.nodes.count)
        for index in tree.nodes.indices where index < expected.nodes.count {
            let (node, other) = (tree.nodes[index], expected.nodes[index])
            #expect(node.tag == other.tag && node.parent == other.parent && node.nextSibling == other.nextSibling)
            #expect(tree.textBytes(index) == expected.textBytes(index))
            #expect(tree.classID(index) == expected.classID(index))
            for name in HTMLTree.keptAttributes {
                #expect(tree.attribute(index, name) == expected.attribute(index, name))
            }
        }
    }
}
