namespace NeuroLake.Engine.Query.Advisor;

/// <summary>One rule of the advisor, judging a query from its parse tree and the catalog alone.</summary>
internal interface IAdvisorRule
{
    IEnumerable<AdvisorFinding> Check(AdvisorContext context);
}
