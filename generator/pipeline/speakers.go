package pipeline

import (
	"regexp"
	"strconv"

	"github.com/plenary-archive/plenary/generator"
	"github.com/plenary-archive/plenary/generator/content"
	"github.com/plenary-archive/plenary/generator/gazetteer"
	"github.com/plenary-archive/plenary/generator/registry"
	"github.com/plenary-archive/plenary/generator/speakers"
)

// speakersOf builds the one analysis of speakers a build uses: the
// built-in registry of groups and stakeholders with the archive's
// speakers.toml merged over it, over the states of gz. A problem with the
// registry is an error at its line of speakers.toml.
func speakersOf(gz *gazetteer.Gazetteer, a *content.Archive) (*speakers.Analyser, *generator.Error) {
	var sources []registry.Source
	if a.Speakers != nil {
		sources = append(sources, registry.Source{Name: content.SpeakersFile, Data: a.Speakers})
	}
	reg, err := registry.Load(gz, sources...)
	if err != nil {
		return nil, registryError(err)
	}
	an, err := speakers.New(gz, reg)
	if err != nil {
		return nil, registryError(err)
	}
	return an, nil
}

// positioned is an error of the registry that names a line of the
// archive's file: "speakers.toml:12: what is wrong".
var positioned = regexp.MustCompile(`^(?:gazetteer: )?` + regexp.QuoteMeta(content.SpeakersFile) + `:(\d+): (.*)$`)

// registryError places an error of the registry at its line of
// speakers.toml when it names one.
func registryError(err error) *generator.Error {
	hint := "correct the entry; the fields are key, name, kind, aliases, members (see docs/speakers.md)"
	if m := positioned.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &generator.Error{Path: content.SpeakersFile, Line: line, Msg: m[2], Hint: hint}
	}
	return &generator.Error{Path: content.SpeakersFile, Msg: err.Error(), Hint: hint}
}
