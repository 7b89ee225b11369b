using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace PolicyKB.Import;

/// <summary>The text of an attachment file: PDF (PdfPig) or DOCX (OpenXml), one line per text line or paragraph.</summary>
public static class AttachmentText
{
    /// <summary>The text, or null when the kind is not PDF/DOCX or the file cannot be read (truncated, corrupt, encrypted).</summary>
    public static string? Extract(byte[] content, string fileNameOrKind)
        => Kind(content, fileNameOrKind) switch
        {
            FileKind.Pdf => Pdf(content),
            FileKind.Docx => Docx(content),
            _ => null,
        };

    internal enum FileKind { Other, Pdf, Docx }

    /// <summary>The kind from the bytes' signature, else from the name's extension ("pdf", ".docx", "a/b.pdf").</summary>
    internal static FileKind Kind(byte[] content, string? fileNameOrKind)
    {
        if (content.Length >= 5 && content.AsSpan(0, Math.Min(content.Length, 1024)).IndexOf("%PDF-"u8) >= 0) return FileKind.Pdf;
        var ext = (fileNameOrKind ?? "").Trim().ToLowerInvariant();
        ext = ext.Contains('.') ? ext[(ext.LastIndexOf('.') + 1)..] : ext;
        if (content.Length >= 4 && content[0] == (byte)'P' && content[1] == (byte)'K' && ext is "docx" or "") return FileKind.Docx;
        return ext switch { "pdf" => FileKind.Pdf, "docx" => FileKind.Docx, _ => FileKind.Other };
    }

    internal static string? Pdf(byte[] content)
    {
        try
        {
            using var pdf = PdfDocument.Open(content);
            var pages = pdf.GetPages().Select(p => ContentOrderTextExtractor.GetText(p)).ToList();
            return string.Join('\n', pages);
        }
        // PdfPig reports damaged files with several exception types; any of them means "unreadable".
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    internal static string? Docx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var word = WordprocessingDocument.Open(stream, false);
            var body = word.MainDocumentPart?.Document?.Body;
            if (body is null) return null;
            return string.Join('\n', body.Descendants<Paragraph>().Select(p => p.InnerText));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }
}
