import { useCallback, useRef, useState } from "react";

export interface Confirm<Q> {
  /** The question on screen, undefined when none is asked. */
  question: Q | undefined;
  /** Shows the question; resolves with the person's answer. */
  ask: (question: Q) => Promise<boolean>;
  answer: (yes: boolean) => void;
}

type Answer = { current: ((yes: boolean) => void) | undefined };

/** Answers the open question, if any, once. */
function settle(answer: Answer, yes: boolean): void {
  const resolve = answer.current;
  answer.current = undefined;
  resolve?.(yes);
}

/**
 * A confirmation dialog as a promise: `ask` shows the question and resolves when `answer` is called. A question
 * asked while another is open replaces it; the one replaced is answered "no".
 */
export function useConfirm<Q>(): Confirm<Q> {
  const [question, setQuestion] = useState<Q>();
  const resolveAnswer = useRef<((yes: boolean) => void) | undefined>(undefined);

  const ask = useCallback(
    (next: Q) =>
      new Promise<boolean>((resolve) => {
        settle(resolveAnswer, false);
        resolveAnswer.current = resolve;
        setQuestion(() => next);
      }),
    []
  );
  const answer = useCallback((yes: boolean) => {
    setQuestion(undefined);
    settle(resolveAnswer, yes);
  }, []);
  return { question, ask, answer };
}
