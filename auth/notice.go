package auth

import "context"

// Notice is one mail to send (the fields of the shared contract's graph.Notice):
// Key makes sending idempotent, Template is one of the agreed names.
type Notice struct {
	Key      string
	To       string
	Lang     string
	Template string
	Data     map[string]any
}

// Notifier records a notice and has it sent.
type Notifier interface {
	Notify(ctx context.Context, n Notice) error
}

// The templates the accounts send.
const (
	TemplateConfirmEmail    = "confirm-email"
	TemplateResetPassword   = "reset-password"
	TemplateConfirmNewEmail = "confirm-new-email"
	TemplateMemberRequest   = "member-request"
)
