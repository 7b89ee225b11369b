using System.Security.Cryptography;
using System.Text;

namespace PolicyKB.Model;

/// <summary>Stable document ids: the same page or file always gets the same id, so a re-import updates instead of duplicating.</summary>
public static class DocumentId
{
    /// <summary>Id from a page's canonical URL: scheme and host lower-cased, fragment dropped, `_ext` print copies folded onto the page.</summary>
    public static string FromUrl(string url)
    {
        var canonical = CanonicalUrl(url);
        return Hash(canonical);
    }

    /// <summary>Id from a local file's full path, for files with no known URL.</summary>
    public static string FromFile(string path) => Hash("file:" + Path.GetFullPath(path));

    /// <summary>The canonical form of a URL: lower-case scheme and host, no fragment, dot segments resolved.</summary>
    public static string CanonicalUrl(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return url.Trim();
        var b = new UriBuilder(uri) { Fragment = "" };
        if (b.Scheme is "http" or "https") b.Host = b.Host.ToLowerInvariant();
        var s = b.Uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped);
        // Default ports vanish in GetComponents; an `_ext.html` NDRC print copy is the same page.
        return s.EndsWith("_ext.html", StringComparison.Ordinal) ? s[..^"_ext.html".Length] + ".html" : s;
    }

    private static string Hash(string s)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(s));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 10));
    }
}
