using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace PolicyKB.Service.Hosting;

/// <summary>The options of the caller completed from configuration: what the endpoints actually use.</summary>
public sealed record ServiceSettings(
    string IndexDirectory,
    string? SamplesDirectory,
    string? AdminApiKey,
    TimeSpan SearchTimeout,
    int ExportLimit)
{
    public static readonly TimeSpan DefaultSearchTimeout = TimeSpan.FromSeconds(10);
    public const int DefaultExportLimit = 5000;

    public bool AdminEnabled => !string.IsNullOrEmpty(AdminApiKey);

    public static ServiceSettings From(ServiceOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection(ServiceOptions.Section);
        var timeoutSeconds = double.TryParse(section["SearchTimeoutSeconds"], NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && t > 0 ? t : (double?)null;
        var exportLimit = int.TryParse(section["ExportLimit"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var e) && e > 0 ? e : (int?)null;
        return new ServiceSettings(
            Path.GetFullPath(options.IndexDirectory),
            options.SamplesDirectory ?? NullIfEmpty(section["SamplesDirectory"]),
            options.AdminApiKey ?? NullIfEmpty(section["AdminApiKey"]),
            options.SearchTimeout ?? (timeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : DefaultSearchTimeout),
            options.ExportLimit ?? exportLimit ?? DefaultExportLimit);
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
