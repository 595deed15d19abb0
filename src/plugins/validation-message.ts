/** One Ajv issue, as Fastify puts them on `error.validation`. */
export interface ValidationIssue {
  instancePath: string
  keyword: string
  params: Record<string, unknown>
}

function describe(issue: ValidationIssue): string {
  const limit = String(issue.params.limit)
  switch (issue.keyword) {
    case 'required':
      return 'is missing'
    case 'maxLength':
      return `is too long (at most ${limit} characters)`
    case 'minLength':
      return `is too short (at least ${limit} characters)`
    case 'minimum':
      return `must be at least ${limit}`
    case 'maximum':
      return `must be at most ${limit}`
    case 'maxItems':
      return `has too many values (at most ${limit})`
    case 'pattern':
      return 'is not in the right format'
    case 'type':
      return issue.params.type === 'integer' || issue.params.type === 'number'
        ? 'must be a whole number'
        : 'is not in the right format'
    default:
      return 'is not one of the allowed values'
  }
}

/** A sentence naming each field that was wrong and why, instead of Ajv's schema paths. */
export function validationMessage(issues: ValidationIssue[], context: string | undefined): string {
  const byField = new Map<string, string>()
  for (const issue of issues) {
    const field =
      issue.keyword === 'required' ? String(issue.params.missingProperty) : (issue.instancePath.split('/')[1] ?? '')
    if (!byField.has(field)) byField.set(field, describe(issue))
  }
  const where = context === 'querystring' ? 'address' : 'form'
  const details = [...byField].map(([field, why]) => (field ? `“${field}” ${why}` : why)).join('; ')
  return `Some fields of the ${where} were not valid: ${details}.`
}
