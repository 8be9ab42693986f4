package org.redgovernance.api.graphql;

import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.VariableReference;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The variables a document's directives read ({@code @include(if: $x)}, {@code @skip(if: $x)}):
 * what, besides the document itself, decides which fields an operation selects — and, for the
 * limits, the variables that say how large a page is ({@code first: $n}).
 */
public final class DirectiveVariables {

  private DirectiveVariables() {}

  static Set<String> in(Document document) {
    return read(document, false);
  }

  /** The variables of {@link #in}, and those given as a page size ({@code first}). */
  public static Set<String> inDirectivesAndPageSizes(Document document) {
    return read(document, true);
  }

  private static Set<String> read(Document document, boolean pageSizes) {
    Set<String> names = new HashSet<>();
    NodeVisitorStub variables =
        new NodeVisitorStub() {
          @Override
          public TraversalControl visitVariableReference(
              VariableReference reference, TraverserContext<Node> context) {
            names.add(reference.getName());
            return TraversalControl.CONTINUE;
          }
        };
    new NodeTraverser()
        .depthFirst(
            new NodeVisitorStub() {
              @Override
              public TraversalControl visitDirective(
                  Directive directive, TraverserContext<Node> context) {
                new NodeTraverser().depthFirst(variables, List.copyOf(directive.getArguments()));
                return TraversalControl.CONTINUE;
              }

              @Override
              public TraversalControl visitArgument(
                  Argument argument, TraverserContext<Node> context) {
                if (pageSizes
                    && context.getPhase() == TraverserContext.Phase.ENTER
                    && argument.getName().equals("first")) {
                  new NodeTraverser().depthFirst(variables, argument);
                }
                return TraversalControl.CONTINUE;
              }
            },
            document);
    return Set.copyOf(names);
  }
}
