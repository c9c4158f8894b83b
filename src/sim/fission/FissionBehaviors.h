#pragma once

namespace fd::sim {
class ContainerBehaviors;
}

namespace fd::sim::fission {

// What Fission's own images print when the simulated kubelet starts them:
//   fission-bundle  a start-up line and, for the components that read the namespace
//                   variables, the namespaces they will watch (and the tenancy mode);
//   fetcher         its ready line.
// Activity lines come later from the simulated components themselves.
void registerFissionBehaviors(ContainerBehaviors &behaviors);

} // namespace fd::sim::fission
