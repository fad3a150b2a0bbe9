/// Small invented web pages for the HTML tests, in several common layouts.
enum HTMLFixtures {
    static let story = [
        "The harbour authority in Valmora voted on Tuesday to rebuild the north pier, ending a debate that had run for three winters, and the work will start in March.",
        "Engineers found cracks in the old timber piles last spring, and the ferry company moved its boats to the south quay while divers checked the damage, according to the authority's report.",
        "\"We could not keep patching it,\" said Ilse Brandt, who chairs the authority. \"The sea wins every argument in the end, so we build for the next fifty years.\"",
        "The new pier will cost 14 million euros, paid partly by the regional government, and it will have room for two ferries, a lifeboat station and a covered waiting hall.",
        "Fishermen, who lost their moorings during the repairs, welcomed the plan but asked for a fixed date, a written timetable and a temporary landing stage at the old slipway.",
    ]

    /// A news site: navigation, a cookie banner, an article with header, figure, list, quote and related links,
    /// a comment section and a footer, plus metadata in meta tags and JSON-LD.
    static let newsPage = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <title>Valmora rebuilds its north pier | The Coast Gazette</title>
        <meta property="og:title" content="Valmora rebuilds its north pier">
        <meta property="og:site_name" content="The Coast Gazette">
        <meta name="description" content="After three winters of debate the harbour authority chose to start again.">
        <meta property="article:published_time" content="2026-03-03T09:30:00Z">
        <meta property="article:section" content="Local news">
        <link rel="canonical" href="https://gazette.example/local/valmora-pier">
        <style>.byline { color: red } body::before { content: "STYLE LEAK" }</style>
        <script>var secret = "SCRIPT LEAK"; document.write("<p>SCRIPT LEAK</p>");</script>
        <script type="application/ld+json">
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Valmora rebuilds its north pier",
         "datePublished": "2026-03-03T09:30:00Z", "author": [{"@type": "Person", "name": "Petra Lind"},
         {"@type": "Person", "name": "Omar Haddad"}], "publisher": {"@type": "Organization", "name": "The Coast Gazette"}}
        </script>
        </head>
        <body>
        <div class="cookie-banner"><p>We use cookies to improve your experience, measure traffic and show adverts. Accept all cookies?</p><button>Accept</button></div>
        <header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
        <main>
        <article class="story">
          <header class="story-header">
            <h1>Valmora rebuilds its north pier</h1>
            <p class="byline">By <a rel="author" href="/staff/lind">Petra Lind</a> and Omar Haddad</p>
            <time datetime="2026-03-03T09:30:00Z">3 March 2026</time>
          </header>
          <figure><img src="pier.jpg" alt=""><figcaption>The north pier at low tide last winter.</figcaption></figure>
          <div class="story-body">
            <p>\(story[0])</p>
            <p>\(story[1])</p>
            <div class="share-tools"><a href="https://social.example/share">Share on Social</a> <a href="mailto:?x">Email</a></div>
            <p>\(story[2])</p>
            <h2>What the plan includes</h2>
            <ul><li>A concrete deck on steel piles</li><li>A covered waiting hall for ferry passengers</li></ul>
            <blockquote><p>The pier is the town's front door, and it has been shut for too long.</p></blockquote>
            <p>\(story[3]) Read the <a href="https://gazette.example/docs/pier-report.pdf">full report</a> online.</p>
            <p>\(story[4])</p>
            <noscript><p>NOSCRIPT LEAK: please enable JavaScript</p></noscript>
            <template><p>TEMPLATE LEAK</p></template>
          </div>
          <aside class="related-stories"><h3>Related</h3><ul><li><a href="/a">Ferry fares rise again</a></li><li><a href="/b">Storm closes the quay</a></li></ul></aside>
        </article>
        <section class="comments" id="comments">
          <h2>Comments</h2>
          <div class="comment"><p>Finally, after all these years of waiting, somebody decided something about that pier, well done.</p></div>
          <div class="comment"><p>Fourteen million euros is a lot of money for a pier, and I would rather see it spent on the schools.</p></div>
        </section>
        </main>
        <footer><p>© The Coast Gazette. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
        </body>
        </html>
        """

    /// A blog: no article element, the post in `div.entry` with `<br>`-separated paragraphs, and a sidebar full
    /// of links.
    static let blogPage = """
        <html><head><title>Notes from the lighthouse - A keeper's blog</title>
        <meta name="author" content="Tove Aaltonen"></head>
        <body>
        <div id="wrap">
          <div id="sidebar"><h3>Archive</h3><ul>
            <li><a href="/2025/01">January 2025</a></li><li><a href="/2025/02">February 2025</a></li>
            <li><a href="/2025/03">March 2025</a></li><li><a href="/2025/04">April 2025</a></li></ul></div>
          <div id="content">
            <div class="post">
              <h2 class="post-title">Notes from the lighthouse</h2>
              <div class="entry">
                \(story[0])<br><br>
                \(story[1])<br><br>
                \(story[3])<br><br>
                \(story[4])
              </div>
              <div class="post-footer">Posted by Tove at 10:02 | <a href="/labels/sea">sea</a> | <a href="#c">3 comments</a></div>
            </div>
          </div>
        </div>
        </body></html>
        """

    /// A section front: many short teasers, each a link, and no article.
    static let listingPage: String = {
        var items = ""
        for index in 0..<30 {
            items += "<div class=\"teaser\"><h3><a href=\"/story/\(index)\">Headline number \(index) about the coast</a></h3>"
                + "<p><a href=\"/story/\(index)\">A short line about story \(index).</a></p></div>\n"
        }
        return "<!doctype html><html><head><title>Local news | The Coast Gazette</title></head><body>"
            + "<nav><a href=/>Home</a></nav><main><h1>Local news</h1>\(items)</main><footer>Footer</footer></body></html>"
    }()

    /// Broken markup: unclosed paragraphs, mis-nested inline tags, stray end tags, entities.
    static let brokenPage = """
        <html><body><div class="article-body">
        <p>The caf&eacute; on the quay &amp; the bakery reopened &mdash; at last &ndash; on Monday, and queues formed early.
        <p>Owners said the <b>storm <i>damage</b> was</i> worse than expected, with water in the cellars &#8217;til noon, \
        and the insurers have not paid yet.</div></span>
        <p>Tourists, fishermen and families came back quickly&nbsp;anyway, the mayor said, because the &lt;harbour&gt; \
        is the heart of the town and everyone wants to see it busy again.
        <p>\(story[1])
        <p>\(story[3])
        </div></div></div></body>
        """
}
