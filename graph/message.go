package graph

import "strings"

// Message is a text shown to people, named by the key of a message file of
// graph/labels (e.g. "reason.partner.looking") with its arguments; it is worded in
// a language only when it is shown, so that no wording lives in code.
type Message struct {
	Key  string
	Args []Arg
}

// Arg is a named argument of a message (the {name} of its placeholder). One of
// Node, Int, Labels or Msg says how it is shown; with none, Text is shown as is.
type Arg struct {
	Name string
	// Text is shown as is (an organisation's name, an editor's note); for Node it is
	// the English name, shown where the node has no name in the language asked.
	Text string
	// Node is the id of a node shown by its name in the language asked (a theme,
	// a subtheme, a principle's short title, a country).
	Node string
	// Int is a count or a whole number, formatted in the language asked; the
	// argument named "n" picks the plural form of the message.
	Int *int
	// Labels are keys of enum labels ("Lang.FR"), shown in the language asked and
	// joined into a list.
	Labels []string
	// Msg is a message shown in the place of the argument.
	Msg *Message
}

// Msg returns the message key with args.
func Msg(key string, args ...Arg) Message { return Message{Key: key, Args: args} }

// TextArg is an argument shown as is.
func TextArg(name, text string) Arg { return Arg{Name: name, Text: text} }

// NodeArg is an argument shown by the name of the node id in the language asked,
// or by fallback (the English name) where it has none.
func NodeArg(name, id, fallback string) Arg { return Arg{Name: name, Node: id, Text: fallback} }

// IntArg is a whole number shown in the format of the language asked.
func IntArg(name string, n int) Arg { return Arg{Name: name, Int: &n} }

// LabelsArg is a list of enum labels (keys such as "Lang.FR").
func LabelsArg(name string, keys ...string) Arg { return Arg{Name: name, Labels: keys} }

// MsgArg is a message shown in the place of the argument.
func MsgArg(name string, m Message) Arg { return Arg{Name: name, Msg: &m} }

// LabelKey is the key of the label of value of enum ("OrgType", "civil_society"
// gives "OrgType.CIVIL_SOCIETY"); string fields with a closed set of values
// (a practice's stage) have labels the same way.
func LabelKey(enum, value string) string { return enum + "." + strings.ToUpper(value) }
