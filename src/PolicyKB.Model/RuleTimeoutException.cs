namespace PolicyKB.Model;

/// <summary>
/// A rule of a data file the user edits (a summary rule, say) ran over its time limit twice on one text, so what
/// needed it (a brief) is not made. The message names the rule, the file and the text, for the user to simplify the
/// rule; nothing stored is touched.
/// </summary>
public sealed class RuleTimeoutException(string message, Exception? inner = null) : Exception(message, inner);
