using System.Net;
using System.Text;
using PolicyKB.Model;

namespace PolicyKB.Corpus.Templates;

/// <summary>Renders a designed page as one site's HTML. The generator's random source lets a template vary details as real pages do.</summary>
internal interface IPageTemplate
{
    string Render(GeneratedPage page, Rng rng);
}

internal static class PageTemplates
{
    private static readonly IPageTemplate GovCn = new GovCnTemplate();
    private static readonly IPageTemplate GovCnLegacy = new GovCnLegacyTemplate();
    private static readonly IPageTemplate Ndrc = new NdrcTemplate();
    private static readonly IPageTemplate Mee = new MeeTemplate();

    public static IPageTemplate For(GeneratedPage page) => page.Site switch
    {
        Site.Ndrc => Ndrc,
        Site.Mee => Mee,
        _ => page.PublishedDate.Year >= 2018 ? GovCn : GovCnLegacy,
    };
}

/// <summary>Pieces every template shares.</summary>
internal static class Html
{
    public static string Esc(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Body blocks with the signature lines placed where the document signs, each kind of block in the site's markup.</summary>
    public static void Body(StringBuilder sb, GeneratedPage page, Func<BodyBlock, string> block, Func<string, string> signatureLine)
    {
        for (var i = 0; i <= page.Body.Count; i++)
        {
            if (i == page.SignatureAt)
                foreach (var line in page.Signature) sb.Append(signatureLine(line)).Append('\n');
            if (i < page.Body.Count) sb.Append(block(page.Body[i])).Append('\n');
        }
    }

    /// <summary>A short description for head meta: the first sentences of the body.</summary>
    public static string Description(GeneratedPage page)
    {
        var text = page.BodyText.Replace('\n', ' ');
        return text.Length <= 120 ? text : text[..120];
    }

    /// <summary>Spaces out a short name as signature blocks sometimes do (国 家 能 源 局).</summary>
    public static string SpacedOut(string name) => string.Join(' ', name.AsEnumerable());
}
