using System.Text;
using System.Text.RegularExpressions;

namespace PolicyKB.Import.Encodings;

/// <summary>Bytes of a page decoded to text: the encoding used and, when the declared one was wrong, a warning.</summary>
public sealed record DecodedText(string Text, string EncodingName, string? Warning);

/// <summary>
/// Decodes page bytes. Order: the HTTP charset, the BOM, &lt;meta charset&gt;, then detection (valid UTF-8, else GB18030).
/// A declaration the bytes contradict is overruled with a warning; text that no encoding reads is an error.
/// </summary>
public static partial class TextDecoder
{
    /// <summary>Share of replacement characters above which a page counts as undecodable.</summary>
    private const double MaxReplacementShare = 0.01;
    private const int MetaScanBytes = 4096;

    static TextDecoder() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static System.Text.Encoding Gb18030 => System.Text.Encoding.GetEncoding("GB18030");

    public static (DecodedText? Text, string? Error) Decode(byte[] bytes, string? contentType)
    {
        var (declared, origin, bomLength) = Declared(bytes, contentType);
        var body = bytes.AsSpan(bomLength);

        if (declared is not null)
        {
            if (IsGbFamily(declared) && HasNonAscii(body) && TryStrict(StrictUtf8, body, out var utf8))
                return (new DecodedText(utf8, "utf-8", $"declared charset {declared.WebName} ({origin}) does not match the bytes; read as UTF-8"), null);
            if (TryStrict(Strict(declared), body, out var text))
                return (new DecodedText(text, declared.WebName, null), null);
            var (detected, error) = Detect(body);
            if (detected is null) return (null, error);
            return (detected with { Warning = $"declared charset {declared.WebName} ({origin}) does not match the bytes; read as {detected.EncodingName}" }, null);
        }
        return Detect(body);
    }

    private static (DecodedText?, string?) Detect(ReadOnlySpan<byte> body)
    {
        if (TryStrict(StrictUtf8, body, out var utf8)) return (new DecodedText(utf8, "utf-8", null), null);
        if (IncompleteUtf8Tail(body) is var cut and > 0 && TryStrict(StrictUtf8, body[..cut], out var truncated))
            return (new DecodedText(truncated, "utf-8", "the text ends in the middle of a character (truncated file?)"), null);
        if (TryStrict(Strict(Gb18030), body, out var gb)) return (new DecodedText(gb, "gb18030", null), null);
        var loose = System.Text.Encoding.GetEncoding(Gb18030.CodePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD")).GetString(body);
        var bad = loose.Count(c => c == '\uFFFD');
        if (bad > loose.Length * MaxReplacementShare)
            return (null, $"undecodable text: neither UTF-8 nor GB18030 ({bad} of {loose.Length} characters unreadable)");
        return (new DecodedText(loose, "gb18030", $"{bad} unreadable characters replaced"), null);
    }

    /// <summary>The declared encoding: HTTP charset, then BOM, then &lt;meta&gt;; with where it came from and the BOM's length.</summary>
    private static (System.Text.Encoding? Encoding, string Origin, int BomLength) Declared(byte[] bytes, string? contentType)
    {
        var bom = BomLength(bytes, out var bomEncoding);
        // Servers often send a default ISO-8859-1 for Chinese pages: a Western single-byte charset cannot be right here.
        if (Lookup(CharsetIn(contentType)) is { } http && !IsWesternSingleByte(http)) return (http, "HTTP header", bom);
        if (bomEncoding is not null) return (bomEncoding, "BOM", bom);
        var head = System.Text.Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, MetaScanBytes));
        var meta = MetaCharset().Match(head);
        if (meta.Success && Lookup(meta.Groups["cs"].Value) is { } m) return (m, "<meta charset>", bom);
        return (null, "", bom);
    }

    private static int BomLength(byte[] b, out System.Text.Encoding? encoding)
    {
        encoding = null;
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) { encoding = System.Text.Encoding.UTF8; return 3; }
        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE) { encoding = System.Text.Encoding.Unicode; return 2; }
        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF) { encoding = System.Text.Encoding.BigEndianUnicode; return 2; }
        return 0;
    }

    /// <summary>The charset parameter of a Content-Type value such as "text/html; charset=GBK".</summary>
    public static string? CharsetIn(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return null;
        var m = CharsetParameter().Match(contentType);
        return m.Success ? m.Groups["cs"].Value : null;
    }

    /// <summary>An encoding by name; GB2312 and GBK read as their superset GB18030.</summary>
    private static System.Text.Encoding? Lookup(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var n = name.Trim().Trim('"', '\'').ToLowerInvariant();
        if (n is "gb2312" or "gbk" or "x-gbk" or "gb_2312-80" or "cp936" or "euc-cn") n = "gb18030";
        try { return System.Text.Encoding.GetEncoding(n); }
        catch (ArgumentException) { return null; }
    }

    private static bool IsWesternSingleByte(System.Text.Encoding e) => e.CodePage is 28591 or 1252 or 20127;

    private static bool IsGbFamily(System.Text.Encoding e) => e.CodePage is 54936 or 936 or 20936;

    private static System.Text.Encoding Strict(System.Text.Encoding e)
        => System.Text.Encoding.GetEncoding(e.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    private static bool TryStrict(System.Text.Encoding e, ReadOnlySpan<byte> bytes, out string text)
    {
        try { text = e.GetString(bytes); return true; }
        catch (DecoderFallbackException) { text = ""; return false; }
    }

    /// <summary>Where a UTF-8 sequence cut off by the end of the bytes starts, or 0 when the bytes do not end that way.</summary>
    private static int IncompleteUtf8Tail(ReadOnlySpan<byte> bytes)
    {
        var i = bytes.Length - 1;
        while (i >= 0 && bytes.Length - i <= 3 && (bytes[i] & 0xC0) == 0x80) i--;
        return i > 0 && (bytes[i] & 0xC0) == 0xC0 ? i : 0;
    }

    private static bool HasNonAscii(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) if (b >= 0x80) return true;
        return false;
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*(?<cs>[A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();

    [GeneratedRegex(@"charset\s*=\s*[""']?(?<cs>[A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetParameter();
}
