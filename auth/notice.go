package auth

import "ewsi/graph"

// Notice and Notifier are the mail contract's (graph.Notice, graph.Notifier):
// the notifier records a notice under its key and sends it afterwards.
type (
	Notice   = graph.Notice
	Notifier = graph.Notifier
)

// The templates the accounts send (graph.MailTemplates lists their fields).
const (
	TemplateConfirmEmail    = "confirm-email"
	TemplateResetPassword   = "reset-password"
	TemplateConfirmNewEmail = "confirm-new-email"
	TemplateMemberRequest   = "member-request"
)
