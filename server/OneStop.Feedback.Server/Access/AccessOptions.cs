namespace OneStop.Feedback.Server.Access;

/// <summary>Configuration section <c>Admin</c>.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Admin API token given by the operator; when empty, one is generated on first start.</summary>
    public string? ApiToken { get; set; }
}
