// Placeholder until the module lands.
namespace corpgraph {}
