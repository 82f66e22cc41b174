/** The words of the answer parsers and the step kit shared by every guided task (re-prompts, yes/no labels), English source. */
export const answers = {} as const;
