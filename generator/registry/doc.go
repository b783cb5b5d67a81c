// Package registry owns the list of non-state speakers: the groups of
// states (the UN regional groups, political groups such as the Arab Group
// or the Non-Aligned Movement, regional organisations) and the
// organisations that take part in the meetings (international
// organisations, civil society, the private sector, academia and the
// technical community), each with a kind, its names and, for groups whose
// membership is fixed, its member states.
//
// The built-in list is embedded (registry.toml); an archive extends or
// corrects it with a file of the same form, merged over it by key. Every
// name is checked against the states and against every other entry, so
// that text can never name two entities at once.
package registry
