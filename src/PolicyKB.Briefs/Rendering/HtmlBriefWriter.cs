using System.Net;
using System.Text;

namespace PolicyKB.Briefs;

/// <summary>The brief as one standalone, print-friendly HTML page. Every text from documents is HTML-escaped.</summary>
internal static class HtmlBriefWriter
{
    private const string Style = """
        body{font-family:"Songti SC","SimSun","Noto Serif CJK SC",serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.8;color:#111}
        header{text-align:center;border-bottom:3px double #1a5e20;padding-bottom:1em;margin-bottom:1.5em}
        header h1{font-size:2em;margin:.2em 0;color:#1a5e20;letter-spacing:.1em}
        header p{margin:.2em 0}
        nav h2,h2{font-size:1.3em;color:#1a5e20}
        h3{font-size:1.1em}
        h4{font-size:1em}
        nav ol{list-style:none;padding-left:1em}
        p.body{text-indent:2em;margin:.5em 0}
        p.source{font-size:.85em;color:#555;border-left:3px solid #ccc;padding-left:.6em;word-break:break-all}
        p.used{font-size:.85em;color:#a33}
        p.status{font-size:.9em;color:#a33;font-weight:bold}
        @media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}h2,h3,h4{break-after:avoid}section.item{break-inside:avoid}nav{break-after:page}}
        """;

    public static RenderedBrief Render(Brief brief)
    {
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
         .Append(E(brief.Name)).Append(' ').Append(E(brief.IssueLine)).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");

        h.Append("<header>\n<h1>").Append(E(brief.Name)).Append("</h1>\n");
        foreach (var line in TitleBlock.Lines(brief)) h.Append("<p>").Append(E(line)).Append("</p>\n");
        h.Append("</header>\n");

        h.Append("<nav>\n<h2>目 录</h2>\n");
        foreach (var section in BriefOutline.Sections(brief))
        {
            h.Append("<h").Append(section.Level + 2).Append('>').Append(E(section.Heading)).Append("</h").Append(section.Level + 2).Append(">\n");
            if (section.Items.Count == 0) continue;
            h.Append("<ol>\n");
            foreach (var item in section.Items)
                h.Append("<li><a href=\"#").Append(Anchor(item)).Append("\">").Append(E(item.NumberedTitle)).Append("</a></li>\n");
            h.Append("</ol>\n");
        }
        h.Append("</nav>\n<main>\n");

        foreach (var section in BriefOutline.Sections(brief))
        {
            var level = section.Level + 1;
            h.Append("<h").Append(level).Append('>').Append(E(section.Heading)).Append("</h").Append(level).Append(">\n");
            foreach (var item in section.Items)
            {
                h.Append("<section class=\"item\" id=\"").Append(Anchor(item)).Append("\">\n<h").Append(level + 1).Append('>')
                 .Append(E(item.NumberedTitle)).Append("</h").Append(level + 1).Append(">\n");
                if (item.UsedInIssue is { } n) h.Append("<p class=\"used\">已见于总第 ").Append(n).Append(" 期</p>\n");
                foreach (var p in item.Paragraphs) h.Append("<p class=\"body\">").Append(E(p)).Append("</p>\n");
                if (item.Status is { } status) h.Append("<p class=\"status\">").Append(E(status)).Append("</p>\n");
                h.Append("<p class=\"source\">").Append(E(item.Source.Text));
                if (SafeUrl.For(item.Source.Url) is { } url)
                    h.Append("<br><a href=\"").Append(E(url)).Append("\">").Append(E(url)).Append("</a>");
                h.Append("</p>\n</section>\n");
            }
        }
        h.Append("</main>\n</body>\n</html>\n");
        return new RenderedBrief(Encoding.UTF8.GetBytes(h.ToString()), "text/html; charset=utf-8", ".html");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Ids are hex, but are escaped anyway: an anchor never carries markup.</summary>
    private static string Anchor(BriefItem item) => "doc-" + E(item.Id);
}
