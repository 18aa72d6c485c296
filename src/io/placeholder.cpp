// Placeholder until graph files land.
namespace corpgraph {}
