using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using PolicyKB.Model;

namespace PolicyKB.Crawl.Tests;

/// <summary>
/// The knowledge base's real index behind the crawler, in the bench's folder: what the crawler writes goes through the
/// one ingest path (versions, reposts, unchanged pages), as in production. Counts commits and lets a test act before an upsert.
/// </summary>
internal sealed class IndexSink(string folder) : IDocumentSink, IDisposable
{
    // Opened on first use: tests that open the folder's index themselves never touch the bench's sink.
    private readonly Lazy<PolicyKB.Search.PolicyIndex> _opened = new(() => PolicyKB.Search.PolicyIndex.Open(folder, TestData.IndexOptions));
    private PolicyKB.Search.PolicyIndex _index => _opened.Value;
    private int _commits;
    public int Commits => _commits;
    /// <summary>Runs before each upsert (tests stop a crawl from here, between fetch and import).</summary>
    public Action<PolicyDocument>? BeforeUpsert { get; set; }

    public IReadOnlyCollection<PolicyDocument> Documents => _index.All().ToList();

    public UpsertOutcome Upsert(PolicyDocument document)
    {
        BeforeUpsert?.Invoke(document);
        return _index.Upsert(document);
    }

    public void Commit()
    {
        Interlocked.Increment(ref _commits);
        _index.Commit();
    }

    public PolicyDocument? Get(string id) => _index.Get(id);

    public void Dispose()
    {
        if (_opened.IsValueCreated) _opened.Value.Dispose();
    }
}

/// <summary>
/// A minimal page reader for behaviour tests: the title from h1/h2 or &lt;title&gt;, paragraphs as the body, links to
/// .docx/.pdf as attachments, the hash over title and body. Attachment text: the bytes as UTF-8 for files
/// named .txt, else the DOCX/PDF reader of the importer.
/// </summary>
internal sealed class SimplePageReader : IPageReader
{
    public PageReading Read(byte[] content, string siteUrl, string? contentType)
    {
        if (contentType is not null && !contentType.Contains("html", StringComparison.OrdinalIgnoreCase))
            return new PageReading(null, $"not an HTML page ({contentType})");
        var document = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(content));
        var title = (document.QuerySelector("h2, h1") ?? document.QuerySelector("title"))?.TextContent.Trim();
        if (string.IsNullOrEmpty(title)) return new PageReading(null, "no title");
        var body = document.QuerySelectorAll("p").Select(p => BodyBlock.Paragraph(p.TextContent.Trim())).ToList();
        var attachments = document.QuerySelectorAll("a[href]")
            .Where(a => a.GetAttribute("href")!.EndsWith(".docx", StringComparison.Ordinal) || a.GetAttribute("href")!.EndsWith(".pdf", StringComparison.Ordinal))
            .Select(a => new Attachment(a.TextContent.Trim(), new Uri(new Uri(siteUrl), a.GetAttribute("href")).AbsoluteUri, a.GetAttribute("href")!.EndsWith(".pdf", StringComparison.Ordinal) ? "pdf" : "docx"))
            .ToList();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n" + string.Join("\n", body.Select(b => b.Text)))));
        return new PageReading(new PolicyDocument
        {
            Id = DocumentId.FromUrl(siteUrl), Title = title, Url = siteUrl, Body = body, Attachments = attachments, ContentHash = hash,
            Sources = [new DocumentSource(siteUrl, Site.Other)],
        }, null);
    }

    public string? ReadAttachment(byte[] content, string fileNameOrKind) => Import.AttachmentText.Extract(content, fileNameOrKind);
}
