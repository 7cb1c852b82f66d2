// The GraphQL operations of the account pages (schema/accounts.graphqls).

export const ME = `query($lang: Lang) { me { id name email emailConfirmed pendingEmail languages lang shareDetails roles countries
  themes { id }
  memberships { status claim since organisation { id name olang: lang country { iso2 name(lang: $lang) } } }
  apiTokens { id name scope prefix createdAt lastUsed } } }`;

export const REFERENCE = `query($lang: Lang) {
  themes { id name(lang: $lang) }
  countries { iso2 name(lang: $lang) }
  labels(lang: $lang) { enum value label lang }
}`;

export const REGISTER = `mutation($input: RegisterInput!, $lang: Lang) { register(input: $input, lang: $lang) }`;
export const CONFIRM = `mutation($token: String!) { confirmEmail(token: $token) }`;
export const CONFIRM_CHANGE = `mutation($token: String!) { confirmEmailChange(token: $token) }`;
export const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id name } }`;
export const LOGOUT = `mutation { logout }`;
export const LOGOUT_ALL = `mutation { logoutEverywhere }`;
export const ASK_RESET = `mutation($email: String!, $lang: Lang) { requestPasswordReset(email: $email, lang: $lang) }`;
export const RESET = `mutation($token: String!, $password: String!) { resetPassword(token: $token, password: $password) }`;
export const CHANGE_EMAIL = `mutation($email: String!, $password: String!) { changeEmail(newEmail: $email, password: $password) }`;
export const UPDATE = `mutation($input: ProfileInput!) { updateProfile(input: $input) { id name languages shareDetails } }`;
export const NEW_TOKEN = `mutation($name: String!, $scope: TokenScope!) { createApiToken(name: $name, scope: $scope) { secret token { id name } } }`;
export const REVOKE_TOKEN = `mutation($id: ID!) { revokeApiToken(id: $id) }`;
export const NEW_ORG = `mutation($input: OrganisationInput!) { registerOrganisation(input: $input) { status organisation { id name } } }`;
export const JOIN = `mutation($id: ID!) { joinOrganisation(id: $id) { status organisation { id name } } }`;
export const CLAIM = `mutation($id: ID!) { claimOrganisation(id: $id) { status claim organisation { id name } } }`;
export const MEMBER_REQUESTS = `query($org: ID!) { memberRequests(organisation: $org, first: 50) { since person { id name } } }`;
export const APPROVE = `mutation($org: ID!, $person: ID!) { approveMember(organisation: $org, person: $person) { status } }`;
export const MY_DATA = `query { myData }`;
export const DELETE = `mutation($password: String!) { deleteAccount(password: $password) }`;
