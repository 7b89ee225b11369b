using System.Text.RegularExpressions;
using PolicyKB.Model;

namespace PolicyKB.Crawl;

/// <summary>What a link on a site's page is to the crawler.</summary>
internal enum LinkKind { Other, List, Detail, Attachment }

/// <summary>
/// A profile bound to the address it is crawled at: the real site, or a mirror given by --base-url. With a
/// mirror, links to any of the profile's hosts are fetched from the mirror (same path), only the mirror's host
/// is allowed, and documents keep their real site URLs (<see cref="ToSiteUrl"/>), so ids do not depend on where a page was fetched.
/// </summary>
internal sealed class SiteEndpoint
{
    private readonly Regex _list, _detail, _attachment;
    private readonly Regex? _linkText;
    private readonly Uri _siteBase;
    private readonly HashSet<string> _siteHosts;

    public SiteProfile Profile { get; }
    /// <summary>Where pages are fetched from.</summary>
    public Uri BaseUrl { get; }
    public bool IsMirror { get; }

    public SiteEndpoint(SiteProfile profile, string? baseUrlOverride = null)
    {
        Profile = profile;
        _siteBase = WithTrailingSlash(new Uri(profile.BaseUrl));
        _siteHosts = new HashSet<string>(profile.Hosts.Append(_siteBase.Host), StringComparer.OrdinalIgnoreCase);
        IsMirror = !string.IsNullOrWhiteSpace(baseUrlOverride);
        if (IsMirror && !Uri.TryCreate(baseUrlOverride, UriKind.Absolute, out _))
            throw new ArgumentException($"Base URL '{baseUrlOverride}' is not an absolute URL.", nameof(baseUrlOverride));
        BaseUrl = IsMirror ? WithTrailingSlash(new Uri(baseUrlOverride!)) : _siteBase;
        _list = new Regex(profile.ListPattern, RegexOptions.CultureInvariant);
        _detail = new Regex(profile.DetailPattern, RegexOptions.CultureInvariant);
        _attachment = new Regex(profile.AttachmentPattern, RegexOptions.CultureInvariant);
        _linkText = string.IsNullOrWhiteSpace(profile.LinkTextPattern) ? null : new Regex(profile.LinkTextPattern, RegexOptions.CultureInvariant);
    }

    public string Code => Profile.Code;

    /// <summary>The start URLs as fetched.</summary>
    public IEnumerable<string> StartUrls => Profile.StartUrls.Select(s => ToFetchUrl(s)).OfType<string>().Distinct();

    /// <summary>May the crawler request this URL (host on the allowlist, http or https)?</summary>
    public bool IsAllowed(Uri url) =>
        url.Scheme is "http" or "https" &&
        (IsMirror ? SameOrigin(url, BaseUrl) : _siteHosts.Contains(url.Host));

    /// <summary>A link as the crawler fetches it: resolved against the page, canonical, moved onto the mirror; null when off the allowlist.</summary>
    public string? ToFetchUrl(string href, Uri? page = null)
    {
        if (!Uri.TryCreate(page ?? BaseUrl, href.Trim(), out var url)) return null;
        if (url.Scheme is "http" or "https" && _siteHosts.Contains(url.Host))
        {
            if (IsMirror) url = new Uri(BaseUrl, RelativePath(url, _siteBase).TrimStart('/'));
            // One page, one id: an http link to an https site is the https page.
            else if (url.Scheme != _siteBase.Scheme) url = new UriBuilder(url) { Scheme = _siteBase.Scheme, Port = -1 }.Uri;
        }
        return IsAllowed(url) ? DocumentId.CanonicalUrl(url.AbsoluteUri) : null;
    }

    /// <summary>The real site's URL of a fetched URL (itself when not on a mirror).</summary>
    public string ToSiteUrl(string fetchedUrl)
    {
        if (!IsMirror) return fetchedUrl;
        var url = new Uri(fetchedUrl);
        return SameOrigin(url, BaseUrl) ? DocumentId.CanonicalUrl(new Uri(_siteBase, RelativePath(url, BaseUrl).TrimStart('/')).AbsoluteUri) : fetchedUrl;
    }

    /// <summary>Classifies an allowed, canonical fetch URL by the profile's patterns.</summary>
    public LinkKind Classify(string fetchUrl, string? linkText = null)
    {
        var path = RelativePath(new Uri(fetchUrl), BaseUrl);
        if (_detail.IsMatch(path)) return _linkText is null || linkText is null || _linkText.IsMatch(linkText) ? LinkKind.Detail : LinkKind.Other;
        if (_list.IsMatch(path)) return LinkKind.List;
        if (_attachment.IsMatch(path)) return LinkKind.Attachment;
        return LinkKind.Other;
    }

    /// <summary>Is this attachment one the crawler fetches and reads?</summary>
    public bool IsReadableAttachment(string fetchUrl) => _attachment.IsMatch(RelativePath(new Uri(fetchUrl), BaseUrl));

    private static string RelativePath(Uri url, Uri baseUrl)
    {
        var path = url.PathAndQuery;
        var basePath = baseUrl.AbsolutePath;
        if (SameOrigin(url, baseUrl) && path.StartsWith(basePath, StringComparison.Ordinal)) path = path[(basePath.Length - 1)..];
        return path;
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port && a.Scheme == b.Scheme;

    private static Uri WithTrailingSlash(Uri u) => u.AbsolutePath.EndsWith('/') ? u : new Uri(u.AbsoluteUri + "/");
}
