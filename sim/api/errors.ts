// Zendesk's error responses, as the live API sends them.
export type ErrorResponse = { status: number; body: unknown }

/** `{error, description}` bodies (404, 403, 401, search errors). */
export const notFound = (): ErrorResponse => ({
  status: 404,
  body: { error: 'RecordNotFound', description: 'Not found' },
})

export const invalidEndpoint = (): ErrorResponse => ({
  status: 404,
  body: { error: 'InvalidEndpoint', description: 'Not found' },
})

export const forbidden = (): ErrorResponse => ({
  status: 403,
  body: {
    error: 'Forbidden',
    description:
      'You do not have access to this page. Please contact the account owner of this help desk for further help.',
  },
})

export const unauthorized = (): ErrorResponse => ({
  status: 401,
  body: { error: "Couldn't authenticate you" },
})

/** `{errors: [{code, title}]}` bodies (400 on pagination and export parameters). */
export const badRequest = (code: string, title: string): ErrorResponse => ({
  status: 400,
  body: { errors: [{ code, status: '400', title }] },
})

export const invalidPagination = (title: string): ErrorResponse =>
  badRequest('InvalidPaginationParameter', title)

/** Search errors: `{error: 'invalid', description}`. */
export const invalidSearch = (status: 400 | 422, description: string): ErrorResponse => ({
  status,
  body: { error: 'invalid', description },
})

export const invalidValue = (description: string): ErrorResponse => ({
  status: 400,
  body: { error: 'InvalidValue', description },
})

export const unprocessable = (description: string): ErrorResponse => ({
  status: 422,
  body: { error: 'RecordInvalid', description },
})

/** Thrown by route code to answer with a Zendesk error. */
export class ApiError extends Error {
  readonly response: ErrorResponse
  constructor(response: ErrorResponse) {
    super(`Zendesk error ${response.status}`)
    this.response = response
  }
}

export type ErrorDetail = { description: string; error: string }

/**
 * Zendesk's validation answer: 422 `{error: 'RecordInvalid', description: 'Record validation errors',
 * details: {<attribute>: [{description, error}]}}`, one entry per attribute that failed.
 */
export const recordInvalid = (details: Record<string, ErrorDetail[]>): ErrorResponse => ({
  status: 422,
  body: { error: 'RecordInvalid', description: 'Record validation errors', details },
})
