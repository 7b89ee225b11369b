using System.Text.RegularExpressions;

namespace PolicyKB.Crawl;

/// <summary>
/// The rules of one host's robots.txt that apply to the crawler: the group naming its product token, else
/// the `*` group. Longest matching Allow/Disallow wins (RFC 9309); `*` and `$` are understood; Crawl-delay kept.
/// </summary>
internal sealed class RobotsRules
{
    private readonly IReadOnlyList<(bool Allow, string Pattern, Regex Match)> _rules;

    public TimeSpan? CrawlDelay { get; }

    public static readonly RobotsRules AllowAll = new([], null);

    private RobotsRules(IReadOnlyList<(bool, string, Regex)> rules, TimeSpan? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    public bool IsAllowed(string pathAndQuery)
    {
        var best = _rules.Where(r => r.Match.IsMatch(pathAndQuery))
            .OrderByDescending(r => r.Pattern.Length).ThenByDescending(r => r.Allow)
            .FirstOrDefault();
        return best.Pattern is null || best.Allow;
    }

    public static RobotsRules Parse(string text, string productToken)
    {
        // Groups: one or more User-agent lines followed by rules.
        var groups = new List<(List<string> Agents, List<(string Key, string Value)> Lines)>();
        (List<string> Agents, List<(string, string)> Lines)? current = null;
        var lastWasAgent = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (current is null || !lastWasAgent) { current = ([], []); groups.Add(current.Value); }
                current.Value.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
            }
            else
            {
                current?.Lines.Add((key, value));
                lastWasAgent = false;
            }
        }
        var token = productToken.ToLowerInvariant();
        var chosen = groups.Where(g => g.Agents.Any(a => a != "*" && token.StartsWith(a, StringComparison.Ordinal))).ToList();
        if (chosen.Count == 0) chosen = groups.Where(g => g.Agents.Contains("*")).ToList();
        var lines = chosen.SelectMany(g => g.Lines).ToList();

        var rules = new List<(bool, string, Regex)>();
        TimeSpan? delay = null;
        foreach (var (key, value) in lines)
        {
            switch (key)
            {
                case "allow" or "disallow" when value.Length > 0:
                    rules.Add((key == "allow", value, ToRegex(value)));
                    break;
                case "crawl-delay" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0:
                    delay = TimeSpan.FromSeconds(s);
                    break;
            }
        }
        return new RobotsRules(rules, delay);
    }

    private static Regex ToRegex(string pattern)
    {
        var anchored = pattern.EndsWith('$');
        var body = Regex.Escape(anchored ? pattern[..^1] : pattern).Replace(@"\*", ".*");
        return new Regex("^" + body + (anchored ? "$" : ""), RegexOptions.CultureInvariant);
    }
}
