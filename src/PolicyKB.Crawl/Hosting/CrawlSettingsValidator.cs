using Microsoft.Extensions.Options;

namespace PolicyKB.Crawl;

/// <summary>Checks the "Crawl" section when the host starts (its sites against the profiles of <see cref="CrawlData"/>), so a bad setting stops start-up with a message naming it.</summary>
internal sealed class CrawlSettingsValidator(CrawlData sites) : IValidateOptions<CrawlSettings>
{
    public ValidateOptionsResult Validate(string? name, CrawlSettings settings)
    {
        var errors = new List<string>();
        void Require(bool ok, string key, string rule, object? value)
        {
            if (!ok) errors.Add($"{CrawlSettings.Section}:{key} must be {rule}, not '{value}'.");
        }
        Require(settings.Interval > TimeSpan.Zero, nameof(settings.Interval), "a positive time span such as 1.00:00:00", settings.Interval);
        Require(settings.InitialDelay >= TimeSpan.Zero, nameof(settings.InitialDelay), "zero or a positive time span", settings.InitialDelay);
        Require(double.IsFinite(settings.RatePerSecond) && settings.RatePerSecond > 0, nameof(settings.RatePerSecond), "a number of requests per second above 0", settings.RatePerSecond);
        Require(double.IsFinite(settings.TimeoutSeconds) && settings.TimeoutSeconds > 0, nameof(settings.TimeoutSeconds), "a number of seconds above 0", settings.TimeoutSeconds);
        Require(settings.MaxBodyBytes > 0, nameof(settings.MaxBodyBytes), "a number of bytes above 0", settings.MaxBodyBytes);
        Require(settings.MaxTries >= 1, nameof(settings.MaxTries), "at least 1", settings.MaxTries);
        Require(settings.MaxListPages is null or >= 1, nameof(settings.MaxListPages), "at least 1 (or unset)", settings.MaxListPages);
        Require(settings.RecheckAfter >= TimeSpan.Zero, nameof(settings.RecheckAfter), "zero or a positive time span", settings.RecheckAfter);
        Require(!string.IsNullOrWhiteSpace(settings.UserAgent), nameof(settings.UserAgent), "a product token such as PolicyKB/1.0", settings.UserAgent);
        // The sites and their base URLs: the check every crawl makes before it starts.
        if (new CrawlOptions { Sites = settings.Sites, BaseUrls = settings.BaseUrls }.Validate(sites) is { } error)
            errors.Add($"{CrawlSettings.Section}:{nameof(settings.Sites)}/{nameof(settings.BaseUrls)}: {error}");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
