namespace OneStop.Feedback.Server.Access;

/// <summary>Roles of API tokens and dashboard accounts (the same names as <see cref="Dashboard.Access.AccessScope"/> uses).</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Leader = "leader";
    public const string UnitHead = "unit_head";
    public const string Officer = "officer";

    public static readonly IReadOnlyList<string> All = [Admin, Leader, UnitHead, Officer];
}
